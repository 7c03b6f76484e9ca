// The one way storage/ includes SOCI. Debian's SOCI is built with Boost support, which makes its
// headers include Boost (not a dependency of Ladder); Ladder uses none of SOCI's Boost type
// conversions, so the header-only Boost parts are switched off before SOCI is included. Nothing
// compiled into the SOCI libraries depends on them.
#pragma once

#include <soci/soci-config.h>
#undef SOCI_HAVE_BOOST
#undef SOCI_HAVE_BOOST_DATE_TIME

#include <soci/soci.h>
