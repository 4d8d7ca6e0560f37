# Issue 14, records of treatment courses end to end: the course recordings of
# `simulate` (made once by course_recordings_simulated, tests/records_tests.cmake)
# added to a progress database, added again, shown in the cohort, exported,
# told as statements, and refused when they are not the case's.
include(${CMAKE_CURRENT_LIST_DIR}/isolated_env.cmake)

include(${CMAKE_CURRENT_LIST_DIR}/cli_run.cmake)

set(DB ${WORK}/progress.db)
run(${DS} records add --session ${COURSES}/good.dscrs --scenario ${SCEN} --trainee "ana@clinic.example" --db ${DB})
if(NOT out MATCHES "course attempt ([0-9a-f-]+) recorded \\(4 visit\\(s\\), 4 session\\(s\\), total [0-9.]+, passed\\)")
  message(FATAL_ERROR "the good course was not recorded as passed:\n${out}")
endif()
set(good_uuid ${CMAKE_MATCH_1})
run(${DS} records add --session ${COURSES}/good.dscrs --scenario ${SCEN} --trainee "ana@clinic.example" --db ${DB})
if(NOT out MATCHES "course attempt ${good_uuid} was already recorded")
  message(FATAL_ERROR "adding the same course again did not find it:\n${out}")
endif()
run(${DS} records add --session ${COURSES}/failing.dscrs --scenario ${SCEN} --trainee "bo@clinic.example" --db ${DB})
if(NOT out MATCHES "course attempt ([0-9a-f-]+) recorded \\([0-9]+ visit\\(s\\), [0-9]+ session\\(s\\), total [0-9.]+, not passed\\)")
  message(FATAL_ERROR "the failing course was not recorded as not passed:\n${out}")
endif()
set(failing_uuid ${CMAKE_MATCH_1})

# The cohort: each trainee's latest attempt is a course of 4 visits.
run(${DS} records cohort --db ${DB})
if(NOT out MATCHES "ana@clinic.example +course_postpartum_rubra_series +1 [^\n]* pass [^\n]* course 4"
   OR NOT out MATCHES "bo@clinic.example +course_postpartum_rubra_series +1 [^\n]* fail [^\n]* course 4")
  message(FATAL_ERROR "the cohort does not show the courses:\n${out}")
endif()

# The export: the older columns first, then the course's.
run(${DS} records export --csv - --db ${DB})
if(NOT out MATCHES "override_count,recording_path,course_visits,course_treatments,course_improvement_percent,key_improvement_percent,visit_totals,visit_decisions\r?\n"
   OR NOT out MATCHES "${good_uuid},[^\r\n]*,4,4,[0-9.]+,[0-9.]+,1: [0-9.]+ pass; 2: [0-9.]+ pass; 3: [0-9.]+ pass; 4: [0-9.]+ pass,1: proceed; 2: proceed; 3: proceed; 4: proceed\r?\n")
  message(FATAL_ERROR "the export does not carry the course:\n${out}")
endif()

# Stored once: 4 visits + initialized, verdict, completed, terminated.
run(${DS} records statements --attempt ${good_uuid} --db ${DB})
string(REGEX MATCHALL "\"verb\":{\"id\":\"[^\"]+/([a-z]+)\"" verbs "${out}")
list(LENGTH verbs n)
if(NOT n EQUAL 8)
  message(FATAL_ERROR "the stored course has ${n} statements, not 8:\n${out}")
endif()
string(REGEX MATCHALL "\"registration\":\"${good_uuid}\"" registrations "${out}")
list(LENGTH registrations n)
if(NOT n EQUAL 8)
  message(FATAL_ERROR "not every statement is in the course's registration (${n} of 8):\n${out}")
endif()
# And told from the file, the same statements in the same order.
set(stored "${out}")
run(${DS} records statements --session ${COURSES}/good.dscrs --scenario ${SCEN} --trainee "ana@clinic.example")
if(NOT out STREQUAL stored)
  message(FATAL_ERROR "the statements told from the file differ from the stored ones:\n${out}\n---\n${stored}")
endif()

# Another station imports the database: the courses come with their visits.
run(${DS} records import ${DB} --db ${WORK}/other.db)
if(NOT out MATCHES "2 attempt\\(s\\) added, 0 updated, 0 already here; 0 override\\(s\\), 16 statement\\(s\\) added")
  message(FATAL_ERROR "the import did not carry both courses:\n${out}")
endif()
run(${DS} records cohort --db ${WORK}/other.db)
if(NOT out MATCHES "course 4")
  message(FATAL_ERROR "the imported courses lost their visits:\n${out}")
endif()

# A course of another case is refused, naming the visit, and nothing is stored.
execute_process(COMMAND ${DS} records add --session ${COURSES}/good.dscrs --scenario ${OTHER_SCEN} --trainee "cy"
                        --db ${DB} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "good.dscrs: visit 1 is of scenario 'course_postpartum_rubra_series', not ")
  message(FATAL_ERROR "a course of another case was not refused (${rc}):\n${out}\n${err}")
endif()
# One byte changed in transit: refused naming the byte.
file(COPY_FILE ${COURSES}/good.dscrs ${WORK}/tampered.dscrs)
run(${FLIP_BYTE} ${WORK}/tampered.dscrs 400)
execute_process(COMMAND ${DS} records add --session ${WORK}/tampered.dscrs --scenario ${SCEN} --trainee "cy"
                        --db ${DB} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "tampered.dscrs: byte [0-9]+: ")
  message(FATAL_ERROR "a damaged course recording was not refused with its byte (${rc}):\n${out}\n${err}")
endif()
run(${DS} records cohort --db ${DB})
if(out MATCHES "cy ")
  message(FATAL_ERROR "a refused course left an attempt:\n${out}")
endif()
