package com.liminaltransit.narrative.chain;

/** How a provider asked alone ({@link ProviderChain#previewWith}) answered. */
public enum TrialStatus {
    /** A narrative that keeps the AI contract. */
    VALID,
    /** An answer that breaks it. */
    INVALID,
    /** The call failed. */
    FAILED,
    /** Not asked: its model cannot serve what the step needs (a language, streaming, JSON mode). */
    SKIPPED,
    /** Not asked: no such provider, not configured, or a model chosen where there is none to choose. */
    REFUSED
}
