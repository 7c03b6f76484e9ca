// The one mapping from Ladder's error codes to HTTP statuses: handlers only translate, and
// nothing else in the server picks a status for an error.
#pragma once

#include "base/error.h"

namespace ladder::server {

// kNotFound 404, kInvalidArgument 400, kParse 422, kAlreadyExists/kConflict 409,
// kPermissionDenied 403, kUnauthenticated 401, kFailedPrecondition 412,
// kResourceExhausted 413, kUnavailable 503, kIo/kInternal 500.
int HttpStatusFor(const Error& error);

}  // namespace ladder::server
