# Statements dermasim produces, checked by the independent validator: those of
# graded recordings (passed, failed, deferred) printed by `records statements
# --session`, and those queued in a progress database's outbox, including an
# instructor's override (a voiding statement and the new verdict).
include(${CMAKE_CURRENT_LIST_DIR}/isolated_env.cmake)

include(${CMAKE_CURRENT_LIST_DIR}/cli_run.cmake)

set(files)
foreach(script good too_deep deferred_a_candidate tilted_pen)
  run(${DS} simulate --scenario ${SCEN} --script ${SCRIPTS}/${script}.yaml --out ${WORK}/${script}.dsrec)
  run(${DS} records statements --session ${WORK}/${script}.dsrec --scenario ${SCEN} --trainee "Trainee ${script}")
  file(WRITE ${WORK}/${script}.json "${out}")
  list(APPEND files ${WORK}/${script}.json)
  run(${DS} records add --session ${WORK}/${script}.dsrec --scenario ${SCEN} --trainee "trainee.${script}@clinic.example"
      --db ${WORK}/progress.db)
  string(REGEX MATCH "[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+" uuid_${script} "${out}")
endforeach()
run(${DS} records override --attempt ${uuid_too_deep} --total 71 --passed true --reason "depth sensor fault"
    --instructor "Dr. Lee" --db ${WORK}/progress.db)
run(${DS} records statements --db ${WORK}/progress.db)
file(WRITE ${WORK}/outbox.json "${out}")
if(NOT out MATCHES "\"objectType\":\"StatementRef\"" OR NOT out MATCHES "depth sensor fault")
  message(FATAL_ERROR "the override's statements are not in the outbox:\n${out}")
endif()
list(APPEND files ${WORK}/outbox.json)
# A course's own activity base is used and still valid.
set(ENV{DERMASIM_XAPI_ACTIVITY_BASE} "https://lms.example.org/courses/derm-101/")
run(${DS} records statements --session ${WORK}/good.dsrec --scenario ${SCEN})
file(WRITE ${WORK}/course_base.json "${out}")
if(NOT out MATCHES "https://lms.example.org/courses/derm-101/scenarios/postpartum_abdomen_rubra")
  message(FATAL_ERROR "DERMASIM_XAPI_ACTIVITY_BASE was not used:\n${out}")
endif()
list(APPEND files ${WORK}/course_base.json)

execute_process(COMMAND ${NODE} ${VALIDATOR} ${files} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dermasim's xAPI statements are INVALID:\n${err}")
endif()
