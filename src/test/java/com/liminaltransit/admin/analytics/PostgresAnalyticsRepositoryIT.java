package com.liminaltransit.admin.analytics;

import com.liminaltransit.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;

/** The analytics queries on a real PostgreSQL: production's database. */
class PostgresAnalyticsRepositoryIT extends AnalyticsRepositoryContract {

    @BeforeAll
    static void openPostgres() {
        open(Postgres.newDatabase("analytics"), "postgres");
    }
}
