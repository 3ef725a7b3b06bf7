# One image per service, built from the repository root:
#   docker build --build-arg SERVICE=state-producer -t jointops/state-producer .
#   docker build --build-arg SERVICE=aggregator -t jointops/aggregator .
#   docker build --build-arg SERVICE=kafka-node -t jointops/kafka-access .   (./kafka-access)
# The images carry Confluent's Avro serializer (Maven profile `confluent`), so the Schema Registry
# wire format can be chosen by configuration (docker-compose.schema-registry.yml); the default
# stays Avro single-object encoding.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN module=$([ -d "services/${SERVICE}" ] && echo "services/${SERVICE}" || echo "${SERVICE}") \
    && ./mvnw -B -q -Pconfluent -DskipTests -Dspring-javaformat.skip=true package -pl "$module" -am \
    && cp "$module"/target/${SERVICE}-*-exec.jar /app.jar \
    && mkdir /health && javac -d /health deploy/HealthCheck.java

FROM eclipse-temurin:17-jre
COPY --from=build /app.jar /app/app.jar
# the health check of docker-compose.yml (this image has no curl)
COPY --from=build /health/HealthCheck.class /app/HealthCheck.class
# Every mount point of docker-compose.yml exists here owned by the service's user, so that a
# volume mounted there starts with this owner: the aggregator's Kafka Streams state (its default
# spring.kafka.streams.state-dir), the TLS stores and the tokens files (bind mounts, read only).
RUN mkdir -p /var/lib/jointops/aggregator /etc/jointops/tls /etc/jointops/tokens /etc/jointops/kafka-access \
    && chown -R 10001 /var/lib/jointops /etc/jointops
USER 10001
EXPOSE 8080
# the heap as a share of the container's memory limit; docker-compose.yml sets its own
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
