//! Attribution cues: reporting verbs, pronouns and other words that tie a quote to its speaker.
