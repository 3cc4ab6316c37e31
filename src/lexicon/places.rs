//! The place gazetteer: countries, regions, states, cities, landmarks and features.
