package com.liminaltransit.i18n;

import com.liminaltransit.narrative.chain.StepResult;

/**
 * A stop as the ride shows it, and the language its text is in: the ride's own, unless nothing could write or
 * translate it into that language (then the offline storyteller's English, marked so the page says {@code lang="en"}).
 *
 * @param step     the step to store (its narrative translated when a translation was made)
 * @param language the language of its passage and choice labels, a BCP 47 tag
 */
public record StepInLanguage(StepResult step, String language) {}
