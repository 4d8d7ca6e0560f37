# End-to-end tests of the command-line verbs, as instructors and CI scripts
# call them.
set(DS $<TARGET_FILE:dermasim>)
set(SCEN ${PROJECT_SOURCE_DIR}/scenarios/postpartum_abdomen_rubra.yaml)
set(SCRIPTS ${PROJECT_SOURCE_DIR}/scenarios/scripts/postpartum_abdomen_rubra)

add_test(NAME cli_check_shipped_scenarios COMMAND ${DS} check ${PROJECT_SOURCE_DIR}/scenarios)
# Every shipped case's own answer passes it at the low end, middle and high
# end of its needle depths; a key that contradicts itself is located.
add_test(NAME cli_check_simulate_shipped_scenarios COMMAND ${DS} check --simulate ${PROJECT_SOURCE_DIR}/scenarios)
add_test(NAME cli_check_simulate_contradicting_key COMMAND ${CMAKE_COMMAND} -DDS=${DS}
         -DFILE=${CMAKE_CURRENT_SOURCE_DIR}/data/contradicting_key.yaml
         -P ${CMAKE_CURRENT_SOURCE_DIR}/check_simulate_messages.cmake)

# A broken file: exit 1, and every error located as file:line:col.
add_test(NAME cli_check_bad_file_fails COMMAND ${DS} check ${CMAKE_CURRENT_SOURCE_DIR}/data/bad_scenario.yaml)
set_tests_properties(cli_check_bad_file_fails PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli_check_bad_file_messages COMMAND ${CMAKE_COMMAND} -DDS=${DS}
         -DFILE=${CMAKE_CURRENT_SOURCE_DIR}/data/bad_scenario.yaml -P ${CMAKE_CURRENT_SOURCE_DIR}/check_messages.cmake)

# simulate, then replay --verify; a changed scenario makes --verify fail.
add_test(NAME cli_simulate_replay_verify COMMAND ${CMAKE_COMMAND} -DDS=${DS} -DSCEN=${SCEN}
         -DSCRIPT=${SCRIPTS}/tilted_pen.yaml -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_work
         -P ${CMAKE_CURRENT_SOURCE_DIR}/replay_verify.cmake)

# issue 13: the healing outcome of a recorded attempt
add_test(NAME cli_outcome COMMAND ${CMAKE_COMMAND} -DDS=${DS} -DSCEN=${SCEN} -DSCRIPTS=${SCRIPTS}
         -DWORK=${CMAKE_CURRENT_BINARY_DIR}/outcome_work -P ${CMAKE_CURRENT_SOURCE_DIR}/outcome_cli.cmake)
# Issue 11: hostile files through the verbs (sizes, located errors, check DIR).
add_test(NAME cli_hostile_input COMMAND ${CMAKE_COMMAND} -DDS=${DS} -DSCEN=${SCEN}
         -DWORK=${CMAKE_CURRENT_BINARY_DIR}/hostile_cli_work -P ${CMAKE_CURRENT_SOURCE_DIR}/hostile_cli.cmake)
set_tests_properties(cli_hostile_input PROPERTIES TIMEOUT 300)

# A screenshot of a stage past the consultation needs a scripted trainee to
# play the stages before it; without one it is refused before any window
# opens, not written as a picture of the consultation.
add_test(NAME cli_screenshot_stage_needs_script COMMAND ${DS} screenshot --ui procedure --out screenshot_no_script.png)
set_tests_properties(cli_screenshot_stage_needs_script PROPERTIES
                     PASS_REGULAR_EXPRESSION "--ui procedure needs --script T")

# Issue 14: a course script played headless writes one course recording;
# replay --verify re-plays every visit and the course grade from it.
set(COURSE ${PROJECT_SOURCE_DIR}/scenarios/course_postpartum_rubra_series.yaml)
add_test(NAME cli_course_simulate COMMAND ${DS} simulate --scenario ${COURSE}
         --script ${PROJECT_SOURCE_DIR}/scenarios/scripts/course_postpartum_rubra_series/stopped_after_two.yaml
         --out course_stopped_after_two.dscrs)
set_tests_properties(cli_course_simulate PROPERTIES FIXTURES_SETUP course_recording
                     PASS_REGULAR_EXPRESSION "a course of 2 visit\\(s\\), 2 session\\(s\\), total [0-9.]+: not passed")
add_test(NAME cli_course_grade COMMAND ${DS} grade --scenario ${COURSE} --session course_stopped_after_two.dscrs)
set_tests_properties(cli_course_grade PROPERTIES FIXTURES_REQUIRED course_recording
                     PASS_REGULAR_EXPRESSION "The course had 2 session\\(s\\); a series is 3-6 sessions \\(S1\\)")
add_test(NAME cli_course_replay_verify COMMAND ${DS} replay --session course_stopped_after_two.dscrs --verify)
set_tests_properties(cli_course_replay_verify PROPERTIES FIXTURES_REQUIRED course_recording
                     PASS_REGULAR_EXPRESSION "verified: every visit's state and grade and the course grade match")
