# Issue 11 end to end: hostile files through the verbs. Each refusal exits 1
# with the file named; nothing hangs (ctest's timeout) and nothing crashes.
include(${CMAKE_CURRENT_LIST_DIR}/isolated_env.cmake)

function(expect_refusal name expected)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "${name}: exit ${rc}, expected 1\n${out}\n${err}")
  endif()
  foreach(part ${expected})
    string(FIND "${out}${err}" "${part}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${name}: missing\n  ${part}\ngot:\n${out}${err}")
    endif()
  endforeach()
  message(STATUS "${name}: refused as expected")
endfunction()

# No input size limit before: these ran until memory was exhausted.
expect_refusal("check /dev/zero" "/dev/zero: error: the file is larger than the 1 MiB limit" ${DS} check /dev/zero)
expect_refusal("grade --session /dev/zero" "/dev/zero: the file is larger than the 512 MiB limit for a recording"
               ${DS} grade --scenario ${SCEN} --session /dev/zero)

# check DIR reports every file, a broken one does not stop the others.
file(MAKE_DIRECTORY ${WORK}/cases/scripts/postpartum_abdomen_rubra)
file(WRITE ${WORK}/cases/a_colon.yaml ":")
file(READ ${SCEN} good)
file(WRITE ${WORK}/cases/postpartum_abdomen_rubra.yaml "${good}")
file(WRITE ${WORK}/cases/z_late.yaml "dermasim_scenario: 1\nid: z_late\n")
file(WRITE ${WORK}/cases/scripts/postpartum_abdomen_rubra/nan_region.yaml
     "dermasim_script: 1\nscenario: postpartum_abdomen_rubra\n"
     "consultation: {ask: [breastfeeding, not_an_item], findings: [], decision: proceed}\n"
     "plan: {needle_length_mm: 1.0, cartridge: round_12, stroke_rate_hz: 100, numbing: true, passes: 2}\n"
     "procedure:\n  - raster: {region: [.nan, 0, 50, 50]}\n    force_n: 2\n"
     "aftercare: {instructions: [], sessions: 4, interval_weeks: 5, maintenance_months: 6}\n")
file(WRITE ${WORK}/cases/scripts/postpartum_abdomen_rubra/unknown_ask.yaml
     "dermasim_script: 1\nscenario: postpartum_abdomen_rubra\n"
     "consultation: {ask: [breastfeeding, not_an_item], findings: [], decision: defer}\n")
expect_refusal("check DIR" "a_colon.yaml:1:1: error: a key in a scenario file must be a name;z_late.yaml:1:1: error: missing required key 'patient';postpartum_abdomen_rubra.yaml: ok;nan_region.yaml:6:23: error: region x0 must be a finite number;unknown_ask.yaml:3:37: error: ask: the scenario has no item 'not_an_item';5 file(s) checked, 4 with errors"
               ${DS} check ${WORK}/cases)
# A script checked alone finds its case by the id it names.
expect_refusal("check SCRIPT" "unknown_ask.yaml:3:37: error: ask: the scenario has no item 'not_an_item'"
               ${DS} check ${WORK}/cases/scripts/postpartum_abdomen_rubra/unknown_ask.yaml)
file(WRITE ${WORK}/cases/scripts/postpartum_abdomen_rubra/no_case.yaml
     "dermasim_script: 1\nscenario: no_such_case\nconsultation: {findings: [], decision: defer}\n")
expect_refusal("check SCRIPT of a missing case" "no_case.yaml:2:11: error: cannot find scenario 'no_such_case'"
               ${DS} check ${WORK}/cases/scripts/postpartum_abdomen_rubra/no_case.yaml)
# simulate refuses what check refuses, before simulating anything.
expect_refusal("simulate a NaN region" "nan_region.yaml:6:23: error: region x0 must be a finite number"
               ${DS} simulate --scenario ${SCEN} --script ${WORK}/cases/scripts/postpartum_abdomen_rubra/nan_region.yaml
               --out ${WORK}/x.dsrec)
