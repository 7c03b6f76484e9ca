// The invariants of a framework and of a person's records, checked in one place.
//
// Framework invariants (each broken one is reported with the Origin of the offending value):
//  1. ids are non-empty and unique: competencies, groups, tracks, overlays, roles; level codes
//     within their track;
//  2. level ranks are strictly increasing within a track;
//  3. every reference resolves: group -> competency, expectation -> competency, level
//     `inherits` -> level, overlay `levels` -> level, transition -> track, rule level -> level;
//  4. a competency belongs to at most one group;
//  5. `jd_template` is a relative path that stays in its folder (no leading '/', no '..', no
//     drive or scheme), and no `allow_links` entry is empty;
//  6. translations (translation.h CheckTranslations): language tags, one translation per
//     language and none in the framework's own, fingerprints, each path translated once.
// People-side records have their own basic invariants (ValidateEvidence ... ValidateNeed); the
// rules of level history are in level_history.h.
// Pure; thread-safe.
#pragma once

#include <vector>

#include "base/error.h"
#include "model/framework.h"
#include "model/people.h"

namespace ladder::model {

// Every violation, in document order; empty when the framework is valid.
std::vector<Error> ValidateFramework(const Framework& framework);

// The first violation as a Status (for callers that stop at the first problem).
Status CheckFramework(const Framework& framework);

// The basic invariants of a people-side record, every violation with the field it concerns
// ("evidence.kind", "case.votes[1].reviewer", ...), kInvalidArgument. Empty when valid.
//  evidence:   a person, a kind and a date; an end (a period) not before its date; kind "role"
//              names its role, kind "sme" its skill;
//  assessment: a person and a period start; an end not before the start; framework and
//              version given together; a level only with the version it belongs to;
//  case:       a person and an opened date; a level or an overlay as target, not both; votes
//              only from panel members, one each; a closed case has its decision, which is not
//              dated before the case was opened;
//  waiver:     a person, the requirement's sentence, an approver and a granted date; an expiry
//              after the grant;
//  need:       a framework and an opened date; a level or an overlay, not both; a filled need
//              names the case that filled it; a close date not before the opening.
// A person, however it is added (people CSV, dump, any Store::SavePerson), fields "person.id",
// "person.name", "person.email", "person.manager":
//  id, manager: 1 to kMaxPersonId characters of letters (any script), digits, '.', '_', '-',
//              '@' and '+', starting with a letter or digit (no space, no markup, no control
//              or invisible characters); the manager may be empty;
//  name:       at most kMaxPersonName characters, no control characters (line breaks, NUL, ...);
//  email:      at most kMaxEmail characters, no control characters or spaces.
// Lengths are counted in characters (code points); text must be valid UTF-8.
inline constexpr size_t kMaxPersonId = 64;
inline constexpr size_t kMaxPersonName = 200;
inline constexpr size_t kMaxEmail = 254;
std::vector<Error> ValidatePerson(const Person& p);
std::vector<Error> ValidateEvidence(const Evidence& e);
std::vector<Error> ValidateAssessment(const Assessment& a);
std::vector<Error> ValidateCase(const Case& c);
std::vector<Error> ValidateWaiver(const Waiver& w);
std::vector<Error> ValidateNeed(const Need& n);

}  // namespace ladder::model
