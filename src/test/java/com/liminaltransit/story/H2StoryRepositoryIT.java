package com.liminaltransit.story;

import org.junit.jupiter.api.BeforeAll;

/** The store's contract on H2 in PostgreSQL mode: the embedded default. */
class H2StoryRepositoryIT extends StoryRepositoryContract {

    @BeforeAll
    static void openH2() {
        open("jdbc:h2:mem:repository;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa");
    }
}
