package com.liminaltransit.story;

import com.liminaltransit.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;

/** The journey's store on a real PostgreSQL: production's database. */
class PostgresJourneyStoreIT extends JourneyStoreContract {

    @BeforeAll
    static void openPostgres() {
        open(Postgres.newDatabase("journey"), "postgres");
    }
}
