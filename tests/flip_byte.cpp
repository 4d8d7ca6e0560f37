// Test tool: flips every bit of one byte of a file in place (a file damaged
// in transit), so CLI tests can tamper with binary recordings portably.
// usage: flip_byte FILE OFFSET
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  std::FILE* f = std::fopen(argv[1], "r+b");
  if (!f) return 1;
  const long at = std::strtol(argv[2], nullptr, 10);
  int c = EOF;
  if (std::fseek(f, at, SEEK_SET) == 0) c = std::fgetc(f);
  const bool ok = c != EOF && std::fseek(f, at, SEEK_SET) == 0 && std::fputc(c ^ 0xff, f) != EOF;
  return std::fclose(f) == 0 && ok ? 0 : 1;
}
