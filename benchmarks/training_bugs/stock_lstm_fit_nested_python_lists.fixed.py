# Source: https://github.com/molson194/LSTM-Stock-Prediction/issues/1 — Run.py: model.fit([input], output) with Python lists: ValueError: Input 0 of layer sequential is incompatible with the layer: expected ndim=3, found ndim=4. Full shape received: [None, 1, 60, 2]
from pandas import DataFrame, date_range
from numpy import array, column_stack, random
from keras.models import Sequential
from keras.layers import Dense
from keras.layers import LSTM


def ImportData():
    # RawData/FB.csv: one row a minute, 390 minutes a trading day (Volume and Open of each minute)
    days, minutes = 20, 390
    combinedData = DataFrame({'Datetime': date_range('2019-01-02 09:30', periods=days * minutes, freq='min'),
                              'Ticker': 'FB',
                              'Volume': random.randint(100, 5000, days * minutes).astype(float),
                              'Open': 140 + random.rand(days * minutes)})
    finalData = array(combinedData)
    finalData = finalData.reshape((int(finalData.shape[0] / 390), 390, finalData.shape[1]))
    random.shuffle(finalData)
    return finalData


def main():
    data = ImportData()
    n = int(0.95 * data.shape[0])
    trainData = data[:n, :, :]
    testData = data[n:, :, :]  # noqa: F841

    for i in range(60, 360, 30):
        input = []  # numDays x i x 2
        output = []  # numDays

        for day in trainData:
            prices = array([item[-1] for item in day[:i]])
            volumes = array([item[-2] for item in day[:i]])

            minPrice = min(prices)
            maxPrice = max(prices)
            minVolume = min(volumes)
            maxVolume = max(volumes)

            prices = (prices - minPrice) / (maxPrice - minPrice)
            volumes = (volumes - minVolume) / (maxVolume - minVolume)

            dayInput = column_stack((prices, volumes)).tolist()
            input.append(dayInput)

            lastPrice = day[i - 1][-1]
            maxPrice = max([item[-1] for item in day[i:]])
            heuristic = (maxPrice / lastPrice - 0.97) / (1.03 - 0.97)
            output.append(heuristic)

        lstm = LSTM(12, input_shape=(i, 2))
        model = Sequential()
        model.add(lstm)
        model.add(Dense(1))
        model.compile(loss='mae', optimizer='adam')

        # the fix: the days as one array of shape (numDays, i, 2), the targets as an array
        history = model.fit(array(input), array(output), epochs=30, batch_size=72)  # noqa: F841


if __name__ == "__main__":
    main()
