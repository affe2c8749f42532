// The ISS's rules at the C level (cmodel/iss.h).
#include <gtest/gtest.h>

#include "iss_shim.h"
