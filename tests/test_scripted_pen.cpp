// The scripted device.
#include <doctest/doctest.h>

#include <cmath>

#include "physics/scripted_pen.hpp"

using namespace dermasim::physics;

TEST_CASE("a line is followed at the given speed - pressed - after a lifted travel and landing") {
  PathStyle s;
  s.speed_mm_s = 10.0;
  s.force_n = 2.0;
  ScriptedPen pen({PathSegment::line(10, 10, 50, 10, s)});
  // Starts lifted at the first point, then lands with the motor off.
  CHECK(pen.command_at(0.0).force_n == 0.0);
  const double landed = ScriptedPen::landing_s;
  CHECK(pen.command_at(landed + 0.05).force_n == 2.0);
  CHECK_FALSE(pen.command_at(landed + 0.05).motor_on);
  const double start = 2 * landed;
  CHECK(pen.command_at(start + 0.01).motor_on);
  CHECK(pen.command_at(start + 2.0).x_mm == doctest::Approx(30.0).epsilon(0.01));
  CHECK(pen.command_at(start + 4.0).x_mm == doctest::Approx(50.0).epsilon(0.01));
  CHECK(pen.duration_s() > start + 4.0);
  CHECK(pen.command_at(pen.duration_s()).force_n == 0.0);  // lifted at the end
}

TEST_CASE("next() walks the script one 1 kHz step at a time until it is finished") {
  ScriptedPen pen({PathSegment::stamp(20, 20, 0.2, PathStyle{})});
  int steps = 0;
  while (!pen.finished()) {
    const PenCommand c = pen.next();
    CHECK(c.x_mm == doctest::Approx(20.0));
    ++steps;
  }
  CHECK(steps == static_cast<int>(std::floor(pen.duration_s() * 1000.0)) + 1);
}

TEST_CASE("a raster sweeps rows across the whole region - alternating direction") {
  const auto pts = raster_points(0, 0, 20, 10, 2.0, 0.0);
  REQUIRE(pts.size() == 10);  // 5 rows, 2 ends each
  for (std::size_t i = 0; i < pts.size(); i += 2) {
    CHECK(std::abs(pts[i].second - pts[i + 1].second) < 1e-9);
    CHECK(std::abs(pts[i].first - pts[i + 1].first) == doctest::Approx(20.0));
  }
  CHECK(pts[0].first < pts[1].first);
  CHECK(pts[2].first > pts[3].first);
  // Rotated rows stay inside the rectangle.
  for (const auto& p : raster_points(0, 0, 20, 10, 1.0, 35.0)) {
    CHECK(p.first >= -1e-9);
    CHECK(p.first <= 20 + 1e-9);
    CHECK(p.second >= -1e-9);
    CHECK(p.second <= 10 + 1e-9);
  }
}

TEST_CASE("each pass repeats the segment") {
  PathSegment seg = PathSegment::line(10, 10, 20, 10, PathStyle{});
  ScriptedPen once({seg});
  seg.passes = 3;
  ScriptedPen thrice({seg});
  CHECK(thrice.duration_s() > 2.5 * (once.duration_s() - 0.5));
}
