package importer

import (
	"encoding/json"
	"io"
	"net/http"

	"gopkg.in/yaml.v3"
)

type Config struct {
	Name    string   `yaml:"name" json:"name"`
	Targets []string `yaml:"targets" json:"targets"`
}

func Import(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var cfg Config
	if err := yaml.Unmarshal(body, &cfg); err != nil {
		http.Error(w, "bad yaml", http.StatusBadRequest)
		return
	}
	json.NewEncoder(w).Encode(cfg)
}
