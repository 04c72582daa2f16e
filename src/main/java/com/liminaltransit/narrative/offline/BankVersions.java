package com.liminaltransit.narrative.offline;

import java.util.Optional;

/**
 * Where saved content bank versions come from (the writers' room keeps them in the database). Versions never change
 * once saved, so the storyteller caches what it loads.
 */
public interface BankVersions {

    /** The bank of a version, or empty when there is no such version. */
    Optional<BankText> find(int version);
}
