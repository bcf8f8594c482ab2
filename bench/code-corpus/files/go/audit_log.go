package audit

import (
	"net/http"

	"go.uber.org/zap"
)

func LogRequest(logger *zap.Logger, r *http.Request) {
	logger.Info("request",
		zap.String("path", r.URL.Path),
		zap.String("authorization", r.Header.Get("Authorization")),
	)
}

func LogRequestSafe(logger *zap.Logger, r *http.Request) {
	logger.Info("request", zap.String("path", r.URL.Path), zap.String("ua", r.UserAgent()))
}

func LogDSN(logger *zap.Logger, dsn string) {
	logger.Sugar().Infof("connecting with dsn %s", dsn)
}
