#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MQTT_PASSWORD "Spring2024!mailer"

const char *mqtt_password(void) {
    const char *env = getenv("MQTT_PASSWORD");
    return env ? env : "";
}

void log_config(const char *user, const char *token) {
    fprintf(stderr, "mqtt user=%s\n", user);
    fflush(stderr);
    printf("mqtt token=%s\n", token);
}
