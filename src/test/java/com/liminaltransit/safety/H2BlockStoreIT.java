package com.liminaltransit.safety;

import com.liminaltransit.persistence.Database;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The blocks table on H2 (local play, the in-process tests). */
class H2BlockStoreIT extends BlockStoreContract {

    private static int databases;

    private Database database;

    @BeforeEach
    void openH2() {
        database = new Database(
                "jdbc:h2:mem:blocks-" + (++databases) + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                Optional.of("sa"),
                Optional.empty(),
                2);
        database.migrateOnStart(null);
    }

    @AfterEach
    void closePool() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }
}
