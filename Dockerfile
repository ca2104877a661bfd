# One image for every role: `vnetlab serve --role commands|projections|stack-worker|all`.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/cli/target/vnetlab.jar /app/vnetlab.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/vnetlab.jar"]
CMD ["serve", "--role", "all"]
