import SupportDomain
import Testing

struct StatisticsTests {
    @Test func meanMedianAndPercentOverNothingAreNil() {
        #expect(Statistics.mean([]) == nil)
        #expect(Statistics.median([]) == nil)
        #expect(Statistics.percent(0, of: 0) == nil)
    }

    @Test func medianIsTheMiddleOrTheMeanOfTheTwoMiddleOnes() {
        #expect(Statistics.median([5]) == 5)
        #expect(Statistics.median([9, 1, 5]) == 5)
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.mean([1, 2, 3, 6]) == 3)
        #expect(Statistics.percent(1, of: 4) == 25)
    }

    @Test func slopeIsTheLeastSquaresTrendPerBucket() {
        #expect(Statistics.slope([1, 2, 3, 4]) == 1)
        #expect(Statistics.slope([4, 4, 4]) == 0)
        #expect(Statistics.slope([6, 4, 2]) == -2)
        #expect(Statistics.slope([7]) == 0)
    }
}
