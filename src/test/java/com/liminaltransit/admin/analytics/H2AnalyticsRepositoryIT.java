package com.liminaltransit.admin.analytics;

import org.junit.jupiter.api.BeforeAll;

/** The analytics queries on H2 in PostgreSQL mode. */
class H2AnalyticsRepositoryIT extends AnalyticsRepositoryContract {

    @BeforeAll
    static void openH2() {
        open("jdbc:h2:mem:analytics;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa");
    }
}
