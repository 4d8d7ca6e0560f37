#pragma once
// The pen as a Bullet rigid body, driven toward the trainee's commanded pose by
// a spring-damper virtual coupling (Colgate's standard haptic coupling), with
// Bullet detecting the cap's contact with the skin. The skin's softness is a
// penalty force from the contact depth, since Bullet's rigid contacts cannot
// model tissue that yields by millimetres.
#include <memory>

#include "physics/pen_command.hpp"
#include "physics/pen_pose.hpp"

class btDefaultCollisionConfiguration;
class btCollisionDispatcher;
class btBroadphaseInterface;
class btSequentialImpulseConstraintSolver;
class btDiscreteDynamicsWorld;
class btCollisionShape;
class btCollisionObject;
class btRigidBody;

namespace dermasim::physics {

struct PenBodyParams {
  double mass_kg = 0.12;
  double length_mm = 140.0;
  double cap_radius_mm = 4.0;
  double hover_height_mm = 5.0;          // cap above the skin when lifted
  double coupling_stiffness_n_per_m = 1800.0;   // lateral, hand to pen
  double coupling_damping_n_s_per_m = 26.0;
  double hover_stiffness_n_per_m = 400.0;
  double hover_damping_n_s_per_m = 14.0;
  double hand_damping_n_s_per_m = 8.0;   // vertical, while pressing
  double tilt_stiffness_n_m_per_rad = 0.8;
  double tilt_damping_n_m_s_per_rad = 0.02;
  // Soft tissue under the cap: R = k1*d + k2*d^2 (fat stiffens under
  // compression, docs/SOURCES.md); 1 N presses about 1.8 mm, 3 N about 3.6 mm.
  double cap_k1_n_per_mm = 0.3;
  double cap_k2_n_per_mm2 = 0.15;
  double tissue_damping_n_s_per_m = 4.0;
};

class PenBody {
 public:
  PenBody(double patch_width_mm, double patch_height_mm, const PenBodyParams& params);
  ~PenBody();
  PenBody(const PenBody&) = delete;
  PenBody& operator=(const PenBody&) = delete;

  /// Rebuilds the Bullet world with the pen hovering at (x, y): a fresh world
  /// makes a reset bit-identical to a new simulator.
  void reset(double x_mm, double y_mm);
  /// Advances by `dt_s`. `needle_force_n` is the needles' load along their axis
  /// (pushing the pen back); `command` must be sanitized.
  void step(const PenCommand& command, double needle_force_n, double dt_s);

  const PenPose& pose() const { return pose_; }
  /// The skin's reaction on the pen from the cap, in newtons.
  const glm::dvec3& cap_reaction_n() const { return cap_reaction_n_; }

 private:
  void read_pose();
  void read_contact();

  double patch_width_mm_, patch_height_mm_;
  PenBodyParams params_;
  std::unique_ptr<btDefaultCollisionConfiguration> config_;
  std::unique_ptr<btCollisionDispatcher> dispatcher_;
  std::unique_ptr<btBroadphaseInterface> broadphase_;
  std::unique_ptr<btSequentialImpulseConstraintSolver> solver_;
  std::unique_ptr<btDiscreteDynamicsWorld> world_;
  std::unique_ptr<btCollisionShape> pen_shape_;
  std::unique_ptr<btCollisionShape> skin_shape_;
  std::unique_ptr<btCollisionObject> skin_;
  std::unique_ptr<btRigidBody> pen_;
  PenPose pose_;
  glm::dvec3 cap_reaction_n_{0.0};
};

}  // namespace dermasim::physics
