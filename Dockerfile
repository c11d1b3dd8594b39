# Builds one side of the service: docker build --build-arg MODULE=command-side (or query-side).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY shared-kernel shared-kernel
COPY http-api http-api
COPY event-store event-store
COPY test-fixtures test-fixtures
COPY command-side command-side
COPY query-side query-side
COPY stand-in stand-in
COPY standalone standalone
COPY crud-reference crud-reference
COPY benchmarks benchmarks
ARG MODULE
RUN mvn -B -q -DskipTests -pl ${MODULE} -am package

FROM eclipse-temurin:17-jre
ARG MODULE
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    PORT=8080
COPY --from=build /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
