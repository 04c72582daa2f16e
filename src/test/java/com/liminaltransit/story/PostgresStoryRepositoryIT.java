package com.liminaltransit.story;

import com.liminaltransit.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;

/** The store's contract on a real PostgreSQL: production's database. */
class PostgresStoryRepositoryIT extends StoryRepositoryContract {

    @BeforeAll
    static void openPostgres() {
        open(Postgres.newDatabase("repository"), "postgres");
    }
}
