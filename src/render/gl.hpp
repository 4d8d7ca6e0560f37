#pragma once
// The one place the GL loader is included; everything GL includes this.
#include <glad/gl.h>
