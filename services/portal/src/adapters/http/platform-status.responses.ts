import { ApiProperty } from '@nestjs/swagger';

export class ServiceStatusResponse {
  @ApiProperty({ enum: ['identity', 'injections', 'complaints', 'certification', 'campaign'] }) service!: string;
  @ApiProperty({ description: 'Its /health/ready answered 2xx within 4 s' }) ready!: boolean;
}

export class PlatformStatusResponse {
  @ApiProperty({ type: [ServiceStatusResponse] }) services!: ServiceStatusResponse[];
}
