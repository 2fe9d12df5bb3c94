@echo off
rem Grades an HTTP server with this course's specs, on Windows: grade.cmd --help
rem Needs only a JDK 17 or newer. docs\instructors.md tells the whole story.
setlocal
set "ROOT=%~dp0"
set "CLASSPATH_FILE=%ROOT%grader\target\grader.classpath"

rem Builds the grader (a few seconds when nothing changed; the very first time takes a minute).
pushd "%ROOT%"
call mvnw.cmd -q -B -pl grader -am compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=runtime "-Dmdep.outputFile=%CLASSPATH_FILE%" 1>&2
set "BUILD=%ERRORLEVEL%"
popd
if not "%BUILD%"=="0" (
  echo grade: the build failed, Maven's output is above 1>&2
  exit /b 2
)

rem for /f reads the whole line (set /p would cut it at 1024 characters).
for /f "usebackq delims=" %%c in ("%CLASSPATH_FILE%") do set "DEPENDENCIES=%%c"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
rem C1 alone and the serial collector: the grader mostly waits (Grade.JVM_OPTIONS says why).
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "%ROOT%grader\target\classes;%DEPENDENCIES%" httpcourse.grader.Grade %*
exit /b %ERRORLEVEL%
