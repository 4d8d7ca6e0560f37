# Issue 15, proficiency-based progression: benchmark, records benchmark
# import, records proficiency and the mastered statement, end to end.
add_test(NAME cli_proficiency COMMAND ${CMAKE_COMMAND} -DDS=$<TARGET_FILE:dermasim> -DNODE=${DERMASIM_NODE}
         -DSCEN=${PROJECT_SOURCE_DIR}/scenarios/postpartum_abdomen_rubra.yaml
         -DSCRIPTS=${PROJECT_SOURCE_DIR}/scenarios/scripts/postpartum_abdomen_rubra
         -DVALIDATOR=${CMAKE_CURRENT_BINARY_DIR}/xapi_validator/validate.js
         -DSRC=${PROJECT_SOURCE_DIR} -DWORK=${CMAKE_CURRENT_BINARY_DIR}/proficiency_work -P ${CMAKE_CURRENT_SOURCE_DIR}/proficiency_cli.cmake)
set_tests_properties(cli_proficiency PROPERTIES FIXTURES_REQUIRED xapi_validator)
