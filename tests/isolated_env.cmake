# A fresh ${WORK} folder, and an environment that keeps the developer's own
# progress database and LRS configuration out of the test.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(ENV{XDG_DATA_HOME} ${WORK}/data)
set(ENV{XDG_CONFIG_HOME} ${WORK}/config)
foreach(v DERMASIM_LRS_CONFIG DERMASIM_LRS_ENDPOINT DERMASIM_LRS_USERNAME DERMASIM_LRS_PASSWORD
          DERMASIM_XAPI_ACTIVITY_BASE DERMASIM_XAPI_HOME_PAGE)
  unset(ENV{${v}})
endforeach()
