-- Texts Amazon Translate translated, each once: the offline storyteller's passages and choice labels recur across
-- rides, so a text is looked up here by the SHA-256 of its source language and text before Translate is asked.
-- Only translations are kept, never a player's ride: nothing here names a ride or a player.

create table translation (
    source_hash  varchar(64)   not null,  -- SHA-256 (hex) of the source language tag, a NUL, and the source text
    language     varchar(16)   not null,  -- the target language, a BCP 47 tag
    translated   varchar(4000) not null,
    terminology  varchar(256),            -- the custom terminology applied, if any
    created_at   timestamp with time zone not null,
    constraint translation_pk primary key (source_hash, language)
);
