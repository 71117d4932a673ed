# Embeds a text file as a C++ string constant: cmake -DIN=... -DOUT=... -DSYMBOL=... -P embed.cmake
file(READ "${IN}" content)
file(WRITE "${OUT}.tmp" "// Generated from ${IN}; do not edit.\nnamespace jixiao {\nextern const char ${SYMBOL}[];\nconst char ${SYMBOL}[] = R\"JXEMBED(${content})JXEMBED\";\n}\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
