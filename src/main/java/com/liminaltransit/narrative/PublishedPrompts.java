package com.liminaltransit.narrative;

/**
 * Where the published prompt version comes from (the writers' room keeps versions in the database). A short-lived
 * cache is fine: several servers share the database, and a publish reaches them all within the cache's life.
 */
public interface PublishedPrompts {

    /** The version new steps are written with. */
    PromptSet published();
}
