package com.liminaltransit.admin.experiments;

import com.liminaltransit.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;

/** One running experiment, held by a real PostgreSQL: production's database. */
class PostgresExperimentStoreIT extends ExperimentStoreContract {

    @BeforeAll
    static void openPostgres() {
        open(Postgres.newDatabase("experiment_store"), "postgres");
    }

    @Override
    String freshDatabase(String name) {
        return Postgres.newDatabase(name);
    }
}
