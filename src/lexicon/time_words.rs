//! Temporal vocabulary: months, weekdays, seasons, number words and other date words.
