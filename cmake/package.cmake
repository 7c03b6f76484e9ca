# `cpack` in the build directory: a Debian package of the `ladder` binary with a systemd unit
# (packaging/ladder.service), the settings file /etc/ladder/ladder.toml (a conffile), the example
# frameworks and the operator's documentation. scripts/package-test.sh installs and checks it.
include(GNUInstallDirs)
install(TARGETS ladder RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Beside bin/: the binary looks for its PostgreSQL module in ../lib/ladder.
install(TARGETS ladder_postgres LIBRARY DESTINATION lib/ladder)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ladder/examples
        FILES_MATCHING PATTERN "*.yaml")
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ladder.service DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ladder.toml DESTINATION /etc/ladder)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/operations.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ladder)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Ladder maintainers <ladder@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "career frameworks as code, and the promotions that run on them")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "Ladder imports career-framework documents into versioned frameworks, publishes them as a\n"
       "web app, a static site and exports, and runs growth and promotion on them.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libcurl is loaded when the first notification is sent, so the linker does not list it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libcurl4 (>= 7.88)")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/postinst ${PROJECT_SOURCE_DIR}/packaging/prerm
    ${PROJECT_SOURCE_DIR}/packaging/postrm ${PROJECT_SOURCE_DIR}/packaging/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
