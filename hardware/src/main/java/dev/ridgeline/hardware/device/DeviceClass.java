package dev.ridgeline.hardware.device;

/** What kind of chip a device is. */
public enum DeviceClass {
    GPU, CPU, NPU, SOC
}
