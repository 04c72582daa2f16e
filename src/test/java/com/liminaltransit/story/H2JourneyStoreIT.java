package com.liminaltransit.story;

import org.junit.jupiter.api.BeforeAll;

/** The journey's store on H2 in PostgreSQL mode: the embedded default. */
class H2JourneyStoreIT extends JourneyStoreContract {

    @BeforeAll
    static void openH2() {
        open("jdbc:h2:mem:journey-store;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa");
    }
}
