# One image per service, built from the repository root:
#   docker build --build-arg SERVICE=state-producer -t jointops/state-producer .
#   docker build --build-arg SERVICE=aggregator -t jointops/aggregator .
# The images carry Confluent's Avro serializer (Maven profile `confluent`), so the Schema Registry
# wire format can be chosen by configuration (see docker-compose.yml); the default stays Avro
# single-object encoding.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN ./mvnw -B -q -Pconfluent -DskipTests -Dspring-javaformat.skip=true package -pl services/${SERVICE} -am \
    && cp services/${SERVICE}/target/${SERVICE}-*-exec.jar /app.jar

FROM eclipse-temurin:17-jre
COPY --from=build /app.jar /app/app.jar
# The aggregator's Kafka Streams state (its default spring.kafka.streams.state-dir), writable by the
# service's user; a volume mounted there starts with this owner.
RUN mkdir -p /var/lib/jointops/aggregator && chown -R 10001 /var/lib/jointops
USER 10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
