# `dermasim records ...` as course tooling calls it: add, override (a reason
# is required), export, import from two stations (twice: no duplicates),
# statements, sync without and with an unreachable LRS (credentials never
# printed), and clear errors for bad input.
include(${CMAKE_CURRENT_LIST_DIR}/isolated_env.cmake)

# run(EXPECT rc CMD...): output in `out` (stdout and stderr together).
function(run expect)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
  if(NOT rc STREQUAL expect)
    message(FATAL_ERROR "expected exit ${expect}, got ${rc}: ${ARGN}\n${o}\n${e}")
  endif()
  set(out "${o}${e}" PARENT_SCOPE)
endfunction()
function(expect_in text pattern)
  string(FIND "${text}" "${pattern}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected '${pattern}' in:\n${text}")
  endif()
endfunction()

foreach(script good too_deep)
  run(0 ${DS} simulate --scenario ${SCEN} --script ${SCRIPTS}/${script}.yaml --out ${WORK}/${script}.dsrec)
endforeach()

# Station A: two attempts; adding the same recording again stores nothing new.
set(A ${WORK}/station_a.db)
run(0 ${DS} records add --session ${WORK}/good.dsrec --scenario ${SCEN} --trainee "Souza, Ana" --db ${A})
expect_in("${out}" "recorded")
string(REGEX MATCH "[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+" good_uuid "${out}")
run(0 ${DS} records add --session ${WORK}/good.dsrec --scenario ${SCEN} --trainee "Souza, Ana" --db ${A})
expect_in("${out}" "already recorded")
run(0 ${DS} records add --session ${WORK}/too_deep.dsrec --scenario ${SCEN} --trainee "Ben \"B\" Okafor" --db ${A})
string(REGEX MATCH "[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+" deep_uuid "${out}")

# Overrides: a reason is required, and refused when empty.
run(1 ${DS} records override --attempt ${deep_uuid} --total 72 --passed true --reason "   " --instructor "Dr. Lee" --db ${A})
expect_in("${out}" "--reason is required")
run(1 ${DS} records override --attempt ${deep_uuid} --total 72 --passed true --instructor "Dr. Lee" --db ${A})
expect_in("${out}" "--reason is required")
run(2 ${DS} records override --attempt ${deep_uuid} --total 720 --passed true --reason "x" --instructor "Dr. Lee" --db ${A})
run(2 ${DS} records override --attempt ${deep_uuid} --total 72 --passed maybe --reason "x" --instructor "Dr. Lee" --db ${A})
run(1 ${DS} records override --attempt 00000000-0000-4000-8000-000000000000 --total 72 --passed true --reason "x"
    --instructor "Dr. Lee" --db ${A})
expect_in("${out}" "no attempt 00000000-0000-4000-8000-000000000000")
run(0 ${DS} records override --attempt ${deep_uuid} --total 72 --passed true
    --reason "depth sensor miscalibrated, see log" --instructor "Dr. Lee" --db ${A})
expect_in("${out}" "overridden by Dr. Lee")

# Station B: another trainee, in the default XDG place.
run(0 ${DS} records add --session ${WORK}/good.dsrec --scenario ${SCEN} --trainee "Cy" )
if(NOT EXISTS ${WORK}/data/dermasim/progress.db)
  message(FATAL_ERROR "the database was not created in XDG_DATA_HOME/dermasim/progress.db")
endif()

# Export station A, then merge A and B into the course database, twice.
run(0 ${DS} records export --csv ${WORK}/a.csv --db ${A})
file(READ ${WORK}/a.csv csv)
expect_in("${csv}" "attempt_uuid,trainee,scenario_id")
expect_in("${csv}" "\"Souza, Ana\"")
expect_in("${csv}" "\"Ben \"\"B\"\" Okafor\"")
expect_in("${csv}" "\"depth sensor miscalibrated, see log\"")
set(C ${WORK}/course.db)
run(0 ${DS} records import ${A} ${WORK}/data/dermasim/progress.db --db ${C})
expect_in("${out}" "2 attempt(s) added")
run(0 ${DS} records export --csv ${WORK}/course1.csv --db ${C})
run(0 ${DS} records import ${WORK}/data/dermasim/progress.db ${A} --db ${C})
expect_in("${out}" "0 attempt(s) added, 0 updated, 2 already here")
run(0 ${DS} records export --csv ${WORK}/course2.csv --db ${C})
file(READ ${WORK}/course1.csv c1)
file(READ ${WORK}/course2.csv c2)
if(NOT c1 STREQUAL c2)
  message(FATAL_ERROR "importing twice changed the course database:\n${c1}\n---\n${c2}")
endif()
string(REGEX MATCHALL ",postpartum_abdomen_rubra," rows "${c1}")
list(LENGTH rows n)
if(NOT n EQUAL 3)
  message(FATAL_ERROR "expected 3 attempts in the course export, got ${n}:\n${c1}")
endif()
run(0 ${DS} records cohort --db ${C})
expect_in("${out}" "Souza, Ana")

# Statements of the course database.
run(0 ${DS} records statements --db ${C} --attempt ${good_uuid})
expect_in("${out}" "\"registration\":\"${good_uuid}\"")

# Sync: with no LRS configured nothing is sent and the outbox keeps them.
run(0 ${DS} records sync --db ${C})
expect_in("${out}" "no LRS configured")
# Three attempts of four statements, and the override: voided and re-issued.
expect_in("${out}" "14 statement(s) wait in the outbox")
# An incomplete configuration is an error that names what is missing.
set(ENV{DERMASIM_LRS_ENDPOINT} "http://127.0.0.1:9/xapi")
run(1 ${DS} records sync --db ${C})
expect_in("${out}" "missing: username password")
# An unreachable LRS: exit 1, statements stay, and no credential is printed.
set(ENV{DERMASIM_LRS_USERNAME} "course-key-4711")
set(ENV{DERMASIM_LRS_PASSWORD} "very-SECRET-pw-0815")
run(1 ${DS} records sync --db ${C})
expect_in("${out}" "14 remain in the outbox")
string(FIND "${out}" "very-SECRET-pw-0815" leak1)
string(FIND "${out}" "course-key-4711" leak2)
if(NOT leak1 EQUAL -1 OR NOT leak2 EQUAL -1)
  message(FATAL_ERROR "a credential was printed:\n${out}")
endif()
foreach(v DERMASIM_LRS_ENDPOINT DERMASIM_LRS_USERNAME DERMASIM_LRS_PASSWORD)
  unset(ENV{${v}})
endforeach()

# Bad input: clear errors naming the file; nothing crashes.
run(1 ${DS} records add --session ${WORK}/missing.dsrec --scenario ${SCEN} --trainee X --db ${A})
expect_in("${out}" "missing.dsrec")
file(WRITE ${WORK}/junk.db "not a database, only some text that is long enough to look like a file header......")
run(1 ${DS} records import ${WORK}/junk.db --db ${C})
expect_in("${out}" "junk.db")
run(1 ${DS} records export --csv ${WORK}/x.csv --db ${WORK}/junk.db)
expect_in("${out}" "junk.db")
run(2 ${DS} records export --csv ${WORK}/x.csv --db ${C} --bogus 1)
expect_in("${out}" "unknown option --bogus")
run(2 ${DS} records frobnicate)
run(2 ${DS} records add --session ${WORK}/good.dsrec --scenario ${SCEN})
expect_in("${out}" "missing --trainee")
# A mistyped --db is an error, not a new empty database.
run(1 ${DS} records export --csv ${WORK}/y.csv --db ${WORK}/typo.db)
expect_in("${out}" "typo.db: no progress database here")
if(EXISTS ${WORK}/typo.db)
  message(FATAL_ERROR "export created a database at a mistyped --db")
endif()
