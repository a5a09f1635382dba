#include "sandbox_support.hpp"
