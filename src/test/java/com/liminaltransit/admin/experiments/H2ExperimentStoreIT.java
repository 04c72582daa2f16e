package com.liminaltransit.admin.experiments;

import org.junit.jupiter.api.BeforeAll;

/** One running experiment, held by H2 in PostgreSQL mode (the embedded default). */
class H2ExperimentStoreIT extends ExperimentStoreContract {

    @BeforeAll
    static void openH2() {
        open(h2("experiment-store"), "sa");
    }

    @Override
    String freshDatabase(String name) {
        return h2(name);
    }

    private static String h2(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }
}
