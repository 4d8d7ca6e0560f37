# Issue 5, records: the `dermasim records` verbs end to end, and the xAPI
# statements checked by an independent validator (Learning Locker's, an npm
# package pinned in tests/xapi/package-lock.json).
set(DS $<TARGET_FILE:dermasim>)
set(SCEN ${PROJECT_SOURCE_DIR}/scenarios/postpartum_abdomen_rubra.yaml)
set(SCRIPTS ${PROJECT_SOURCE_DIR}/scenarios/scripts/postpartum_abdomen_rubra)

add_test(NAME cli_records_verbs COMMAND ${CMAKE_COMMAND} -DDS=${DS} -DSCEN=${SCEN} -DSCRIPTS=${SCRIPTS}
         -DWORK=${CMAKE_CURRENT_BINARY_DIR}/records_cli_work -P ${CMAKE_CURRENT_SOURCE_DIR}/records_cli.cmake)

# The validator needs Node.js and npm (scripts/install-deps.sh installs both).
# Without them the tests below fail, loudly: they are not skipped.
find_program(DERMASIM_NODE node)
find_program(DERMASIM_NPM npm)
set(XAPI_WORK ${CMAKE_CURRENT_BINARY_DIR}/xapi_validator)
add_test(NAME xapi_validator_install COMMAND ${CMAKE_COMMAND} -DNPM=${DERMASIM_NPM} -DNODE=${DERMASIM_NODE}
         -DSRC=${CMAKE_CURRENT_SOURCE_DIR}/xapi -DWORK=${XAPI_WORK} -P ${CMAKE_CURRENT_SOURCE_DIR}/xapi_install.cmake)
set_tests_properties(xapi_validator_install PROPERTIES FIXTURES_SETUP xapi_validator)

add_test(NAME xapi_statements_pass_independent_validator COMMAND ${CMAKE_COMMAND} -DDS=${DS} -DNODE=${DERMASIM_NODE}
         -DSCEN=${SCEN} -DSCRIPTS=${SCRIPTS} -DVALIDATOR=${XAPI_WORK}/validate.js
         -DWORK=${CMAKE_CURRENT_BINARY_DIR}/xapi_statements_work -P ${CMAKE_CURRENT_SOURCE_DIR}/xapi_validate.cmake)
set_tests_properties(xapi_statements_pass_independent_validator PROPERTIES FIXTURES_REQUIRED xapi_validator)

# Proof the check can fail: a deliberately broken statement must be rejected.
add_test(NAME xapi_validator_rejects_broken_statement
         COMMAND ${DERMASIM_NODE} ${XAPI_WORK}/validate.js ${CMAKE_CURRENT_SOURCE_DIR}/xapi/broken_statement.json)
set_tests_properties(xapi_validator_rejects_broken_statement PROPERTIES FIXTURES_REQUIRED xapi_validator WILL_FAIL TRUE)
add_test(NAME xapi_validator_self_check COMMAND ${DERMASIM_NODE} ${XAPI_WORK}/validate.js --self-check)
set_tests_properties(xapi_validator_self_check PROPERTIES FIXTURES_REQUIRED xapi_validator)

# Issue 14: treatment courses in the records. A course `simulate` plays the
# key's protocol too (seconds), so the two course recordings are made once
# and shared by the tests that need them.
set(COURSE_SCEN ${PROJECT_SOURCE_DIR}/scenarios/course_postpartum_rubra_series.yaml)
set(COURSE_SCRIPTS ${PROJECT_SOURCE_DIR}/scenarios/scripts/course_postpartum_rubra_series)
set(COURSES ${CMAKE_CURRENT_BINARY_DIR}/course_recordings)
add_test(NAME course_recordings_simulated
         COMMAND ${CMAKE_COMMAND} -DDS=${DS} -DSCEN=${COURSE_SCEN} -DSCRIPTS=${COURSE_SCRIPTS} -DWORK=${COURSES}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/course_recordings.cmake)
set_tests_properties(course_recordings_simulated PROPERTIES FIXTURES_SETUP course_recordings)
add_executable(flip_byte flip_byte.cpp)
dermasim_warnings(flip_byte)
add_test(NAME cli_records_courses
         COMMAND ${CMAKE_COMMAND} -DDS=${DS} -DSCEN=${COURSE_SCEN} -DCOURSES=${COURSES}
                 -DOTHER_SCEN=${PROJECT_SOURCE_DIR}/scenarios/course_fitzpatrick_v_pih.yaml
                 -DFLIP_BYTE=$<TARGET_FILE:flip_byte> -DWORK=${CMAKE_CURRENT_BINARY_DIR}/records_courses_work
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/records_courses.cmake)
set_tests_properties(cli_records_courses PROPERTIES FIXTURES_REQUIRED course_recordings)
add_test(NAME xapi_course_statements_pass_independent_validator
         COMMAND ${CMAKE_COMMAND} -DDS=${DS} -DNODE=${DERMASIM_NODE} -DSCEN=${COURSE_SCEN} -DCOURSES=${COURSES}
                 -DVALIDATOR=${XAPI_WORK}/validate.js -DWORK=${CMAKE_CURRENT_BINARY_DIR}/xapi_course_work
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/xapi_validate_course.cmake)
set_tests_properties(xapi_course_statements_pass_independent_validator
                     PROPERTIES FIXTURES_REQUIRED "xapi_validator;course_recordings")
