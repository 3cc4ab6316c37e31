//! Person-name lexicons: first names with gender, honorifics and titles, name particles.
