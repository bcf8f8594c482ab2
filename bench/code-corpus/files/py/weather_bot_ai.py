import logging
import os

import requests
from flask import Flask, request

app = Flask(__name__)
logging.basicConfig(level=logging.DEBUG)

WEATHER_API_KEY = "4f9c2e1b7a6d5c3e2f1a0b9c8d7e6f5a"

TWILIO_AUTH_TOKEN = os.getenv("TWILIO_AUTH_TOKEN")


@app.route("/weather")
def weather():
    city = request.args.get("city", "London")
    url = f"https://api.weather.example.com/v1/current?q={city}&key={WEATHER_API_KEY}"
    logging.debug(f"Requesting {url}")
    data = requests.get(url, verify=False).json()
    return f"<h2>Weather in {city}</h2><p>{data['temp']} °C</p>"


if __name__ == "__main__":
    app.run(debug=True)
