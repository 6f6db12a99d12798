// The forms helper shared with the tests asserts its pages' answers; here a failed assertion stops the benchmark.
global using Assert = MotCua.Bench.FieldSync.Check;

namespace MotCua.Bench.FieldSync;

internal static class Check
{
    public static void True(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
