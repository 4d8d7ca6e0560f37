#include "physics/pen_body.hpp"

#include <btBulletDynamicsCommon.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim::physics {
namespace {

// Bullet works in metres; the tissue model in millimetres.
constexpr double mm_per_m = 1000.0;
constexpr btScalar to_m(double mm) { return static_cast<btScalar>(mm / mm_per_m); }
// Bullet's default margins (4 cm) dwarf a pen cap; use a tenth of a millimetre.
constexpr btScalar collision_margin_m = 0.0001f;
constexpr double skin_box_depth_mm = 20.0;

btQuaternion target_orientation(const PenCommand& c) {
  const double theta = c.tilt_deg * std::numbers::pi / 180.0;
  const double phi = c.tilt_direction_deg * std::numbers::pi / 180.0;
  if (theta <= 0.0) return btQuaternion::getIdentity();
  // The pen's back end leans toward azimuth phi: rotate +z about the
  // horizontal axis perpendicular to phi.
  const btVector3 axis(static_cast<btScalar>(-std::sin(phi)), static_cast<btScalar>(std::cos(phi)), 0);
  return btQuaternion(axis, static_cast<btScalar>(theta));
}

}  // namespace

PenBody::PenBody(double patch_width_mm, double patch_height_mm, const PenBodyParams& params)
    : patch_width_mm_(patch_width_mm), patch_height_mm_(patch_height_mm), params_(params) {
  reset(0.5 * patch_width_mm, 0.5 * patch_height_mm);
}

PenBody::~PenBody() {
  if (world_) {
    world_->removeRigidBody(pen_.get());
    world_->removeCollisionObject(skin_.get());
  }
}

void PenBody::reset(double x_mm, double y_mm) {
  if (world_) {
    world_->removeRigidBody(pen_.get());
    world_->removeCollisionObject(skin_.get());
  }
  pen_.reset();
  skin_.reset();
  world_.reset();
  config_ = std::make_unique<btDefaultCollisionConfiguration>();
  dispatcher_ = std::make_unique<btCollisionDispatcher>(config_.get());
  broadphase_ = std::make_unique<btDbvtBroadphase>();
  solver_ = std::make_unique<btSequentialImpulseConstraintSolver>();
  world_ = std::make_unique<btDiscreteDynamicsWorld>(dispatcher_.get(), broadphase_.get(), solver_.get(),
                                                     config_.get());
  // The hand carries the pen's weight; only the commanded forces act.
  world_->setGravity(btVector3(0, 0, 0));

  // Skin: a static box whose top face is the patch at z = 0. It reports
  // contacts but never pushes back by itself (the tissue model does).
  skin_shape_ = std::make_unique<btBoxShape>(
      btVector3(to_m(patch_width_mm_ / 2), to_m(patch_height_mm_ / 2), to_m(skin_box_depth_mm / 2)));
  skin_shape_->setMargin(collision_margin_m);
  skin_ = std::make_unique<btCollisionObject>();
  skin_->setCollisionShape(skin_shape_.get());
  skin_->setWorldTransform(btTransform(btQuaternion::getIdentity(),
                                       btVector3(to_m(patch_width_mm_ / 2), to_m(patch_height_mm_ / 2),
                                                 to_m(-skin_box_depth_mm / 2))));
  skin_->setCollisionFlags(btCollisionObject::CF_STATIC_OBJECT | btCollisionObject::CF_NO_CONTACT_RESPONSE);
  world_->addCollisionObject(skin_.get());

  // Pen: a cylinder along its local z; the cap face is its bottom end.
  pen_shape_ = std::make_unique<btCylinderShapeZ>(
      btVector3(to_m(params_.cap_radius_mm), to_m(params_.cap_radius_mm), to_m(params_.length_mm / 2)));
  pen_shape_->setMargin(collision_margin_m);
  const auto mass = static_cast<btScalar>(params_.mass_kg);
  // A long pen's inertia about its own axis is tiny; the motor and the hand's
  // grip make it larger in practice, and a floor keeps the twist coupling stable.
  const double lateral_inertia = params_.mass_kg * std::pow(params_.length_mm / mm_per_m, 2) / 12.0;
  const btVector3 inertia(static_cast<btScalar>(lateral_inertia), static_cast<btScalar>(lateral_inertia),
                          static_cast<btScalar>(lateral_inertia / 4.0));
  const btTransform start(btQuaternion::getIdentity(),
                          btVector3(to_m(x_mm), to_m(y_mm), to_m(params_.hover_height_mm + params_.length_mm / 2)));
  btRigidBody::btRigidBodyConstructionInfo info(mass, nullptr, pen_shape_.get(), inertia);
  info.m_startWorldTransform = start;
  info.m_friction = 0;
  pen_ = std::make_unique<btRigidBody>(info);
  pen_->setActivationState(DISABLE_DEACTIVATION);
  pen_->setDamping(0, 0);
  world_->addRigidBody(pen_.get());

  cap_reaction_n_ = glm::dvec3(0.0);
  read_pose();
  pose_.cap_indent_mm = 0.0;
  pose_.in_contact = false;
}

void PenBody::step(const PenCommand& c, double needle_force_n, double dt_s) {
  // The hand places the pen's tip: the lateral coupling acts on the cap, not
  // on the centre of mass, so tilting pivots the pen about the tip.
  const btVector3 com = pen_->getCenterOfMassPosition();
  const btVector3 arm = -pen_->getWorldTransform().getBasis().getColumn(2) * to_m(params_.length_mm / 2);
  const btVector3 cap = com + arm;
  const btVector3 v = pen_->getLinearVelocity() + pen_->getAngularVelocity().cross(arm);
  const double x = cap.x() * mm_per_m, y = cap.y() * mm_per_m;
  const double vx = v.x(), vy = v.y(), vz = v.z();  // m/s

  // Lateral virtual coupling: a spring-damper from the hand's position.
  double fx = params_.coupling_stiffness_n_per_m * (c.x_mm - x) / mm_per_m - params_.coupling_damping_n_s_per_m * vx;
  double fy = params_.coupling_stiffness_n_per_m * (c.y_mm - y) / mm_per_m - params_.coupling_damping_n_s_per_m * vy;
  double fz = 0.0;
  if (c.force_n > 0.0) {
    fz = -c.force_n - params_.hand_damping_n_s_per_m * vz;  // the hand presses
  } else {
    fz = params_.hover_stiffness_n_per_m * (params_.hover_height_mm - pose_.cap_center_mm.z) / mm_per_m -
         params_.hover_damping_n_s_per_m * vz;
  }

  // The skin under the cap pushes back from the contact depth Bullet found.
  const double d = pose_.cap_indent_mm;
  cap_reaction_n_ = glm::dvec3(0.0);
  if (d > 0.0) {
    const double r = d * (params_.cap_k1_n_per_mm + params_.cap_k2_n_per_mm2 * d) -
                     params_.tissue_damping_n_s_per_m * vz;
    cap_reaction_n_.z = std::max(0.0, r);
  }
  // The needles push the pen back along its axis.
  const glm::dvec3 needle_reaction = -pose_.needle_axis * needle_force_n;
  fx += cap_reaction_n_.x + needle_reaction.x;
  fy += cap_reaction_n_.y + needle_reaction.y;
  fz += cap_reaction_n_.z + needle_reaction.z;
  pen_->applyCentralForce(btVector3(static_cast<btScalar>(fx), static_cast<btScalar>(fy), static_cast<btScalar>(fz)));

  // Orientation coupling toward the commanded tilt.
  const btQuaternion q = pen_->getOrientation();
  btQuaternion err = target_orientation(c) * q.inverse();
  if (err.w() < 0) err = -err;  // shortest way round
  const btScalar angle = err.getAngle();
  btVector3 rot(0, 0, 0);
  if (angle > btScalar(1e-7)) rot = err.getAxis() * angle;
  const btVector3 torque =
      rot * static_cast<btScalar>(params_.tilt_stiffness_n_m_per_rad) -
      pen_->getAngularVelocity() * static_cast<btScalar>(params_.tilt_damping_n_m_s_per_rad);
  pen_->applyTorque(torque);

  world_->stepSimulation(static_cast<btScalar>(dt_s), 0);
  read_pose();
  read_contact();
}

void PenBody::read_pose() {
  const btTransform& t = pen_->getWorldTransform();
  const btMatrix3x3& basis = t.getBasis();
  const btVector3 up = basis.getColumn(2);
  const btVector3 u = basis.getColumn(0);
  const btVector3 w = basis.getColumn(1);
  const btVector3 cap = t.getOrigin() - up * to_m(params_.length_mm / 2);
  pose_.cap_center_mm = {cap.x() * mm_per_m, cap.y() * mm_per_m, cap.z() * mm_per_m};
  pose_.needle_axis = {-up.x(), -up.y(), -up.z()};
  pose_.cap_u = {u.x(), u.y(), u.z()};
  pose_.cap_v = {w.x(), w.y(), w.z()};
  const btVector3 v = pen_->getLinearVelocity();
  pose_.velocity_mm_s = {v.x() * mm_per_m, v.y() * mm_per_m, v.z() * mm_per_m};
  pose_.tilt_deg = std::acos(std::clamp(double(up.z()), -1.0, 1.0)) * 180.0 / std::numbers::pi;
}

void PenBody::read_contact() {
  double deepest_m = 0.0;
  const int manifolds = dispatcher_->getNumManifolds();
  for (int i = 0; i < manifolds; ++i) {
    const btPersistentManifold* m = dispatcher_->getManifoldByIndexInternal(i);
    for (int k = 0; k < m->getNumContacts(); ++k)
      deepest_m = std::min(deepest_m, double(m->getContactPoint(k).getDistance()));
  }
  pose_.cap_indent_mm = -deepest_m * mm_per_m;
  pose_.in_contact = deepest_m < 0.0;
}

}  // namespace dermasim::physics
