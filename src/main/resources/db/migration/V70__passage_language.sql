-- The language each passage's text is in. A ride keeps the language it was boarded in (ride.language); a passage is
-- in that language unless nothing could write it so: the offline storyteller writes English, and without Amazon
-- Translate (or when it fails) its passage stays English, marked here so the page can carry lang="en" on it. Every
-- version of a stop (passage_version, V63) records its own, and the version in effect brings it into passage.
-- Null for passages written before this column: they are in their ride's language (every ride so far is English).
-- Numbered 70 for the languages feature.

alter table passage add column language varchar(16);
alter table passage_version add column language varchar(16);
