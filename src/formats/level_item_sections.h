// Sections written per competency that list what each level expects, kept as notes by a reader
// that found the levels elsewhere (a table of levels, level headings):
//
//   ### 1. Product knowledge                       competency "Product knowledge",
//   How well the person knows the product.    ->   described by the prose before the list;
//   - S1 — Knows the main screens                  S1 expects "Knows the main screens",
//   - **S2:** Explains every feature               S2 "Explains every feature"
//
// Internal to formats/. Pure, thread-safe.
#pragma once

#include "model/framework.h"

namespace ladder::formats {

// Turns each note whose list items name levels of `framework` (by code or title, then a dash or
// colon) into a competency: its title (numbering removed) names it, its prose before the list
// describes it, each item is an expectation of the level it names. A note becomes a competency
// only when at least two of its items name levels and every line after the list's start is such
// an item; other notes are left as they are.
void LevelItemNotesToCompetencies(model::Framework& framework);

}  // namespace ladder::formats
